import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { ContactSettingsPage } from './ContactSettingsPage.js';
import { NetworkPage } from './NetworkPage.js';
import { NetworksPage } from './NetworksPage.js';
import { NewNetworkPage } from './NewNetworkPage.js';

/** Everything under /nettverk: the team's list, a new network, the contact categories, one network. */
export function NetworkRoutes() {
  return (
    <Routes>
      <Route index element={<NetworksPage />} />
      <Route path="ny" element={<NewNetworkPage />} />
      <Route path="kategorier" element={<ContactSettingsPage />} />
      <Route path=":networkId" element={<NetworkPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
