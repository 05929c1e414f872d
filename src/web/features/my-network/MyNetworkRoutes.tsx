import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { SummaryPage } from '../network-summary/SummaryPage.js';
import { ClaimsPage } from './ClaimsPage.js';
import { GatheringsPage } from './GatheringsPage.js';
import { MyNetworkPage } from './MyNetworkPage.js';

/** The resource family's pages under /mitt-nettverk. */
export function MyNetworkRoutes() {
  return (
    <Routes>
      <Route index element={<MyNetworkPage />} />
      <Route path="samlinger" element={<GatheringsPage />} />
      <Route path="utlegg" element={<ClaimsPage />} />
      <Route path="erfaringer" element={<SummaryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
