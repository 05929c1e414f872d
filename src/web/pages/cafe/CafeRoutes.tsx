import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../MessagePage.js';
import { AudiencePage } from './AudiencePage.js';
import { CheckinPage } from './CheckinPage.js';
import { EventPage, NewEventPage } from './EventPage.js';
import { FeedbackPage } from './FeedbackPage.js';
import { FoodListPage } from './FoodListPage.js';
import { InvitationPage } from './InvitationPage.js';
import { OverviewEventPage } from './OverviewEventPage.js';
import { OverviewPage } from './OverviewPage.js';
import { SeasonPage } from './SeasonPage.js';
import { SendingPage } from './SendingPage.js';
import { VenuesPage } from './VenuesPage.js';
import { WelcomeListPage } from './WelcomeListPage.js';
import './cafe.css';

/** Everything under /kafe: the overview, the season planner, venues, one café, its audience, its sending. */
export function CafeRoutes() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="sesong" element={<SeasonPage />} />
      <Route path="lokaler" element={<VenuesPage />} />
      <Route path="ny" element={<NewEventPage />} />
      <Route path=":eventId" element={<EventPage />} />
      <Route path=":eventId/mottakere" element={<AudiencePage />} />
      <Route path=":eventId/invitasjon" element={<InvitationPage />} />
      <Route path=":eventId/utsending" element={<SendingPage />} />
      <Route path=":eventId/oversikt" element={<OverviewEventPage />} />
      <Route path=":eventId/mat" element={<FoodListPage />} />
      <Route path=":eventId/innsjekk" element={<CheckinPage />} />
      <Route path=":eventId/tilbakemelding" element={<FeedbackPage />} />
      <Route path=":eventId/velkomst" element={<WelcomeListPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
