import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { AgreementPage } from '../agreements/AgreementPage.js';
import { KsRatesPage } from '../agreements/KsRatesPage.js';
import { JointMeetingPage } from '../joint-meetings/JointMeetingPage.js';
import { JointMeetingsPage } from '../joint-meetings/JointMeetingsPage.js';
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
      <Route path="ks-satser" element={<KsRatesPage />} />
      <Route path="kvartalsmote" element={<JointMeetingsPage />} />
      <Route path="kvartalsmote/:meetingId" element={<JointMeetingPage />} />
      <Route path=":networkId/oppdragsavtale" element={<AgreementPage />} />
      <Route path=":networkId" element={<NetworkPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
