import { Route, Routes } from 'react-router-dom';
import { AudiencePage } from '../features/audience/AudiencePage.js';
import { CheckinPage } from '../features/checkin/CheckinPage.js';
import { EventPage, NewEventPage } from '../features/events/EventPage.js';
import { EventsPage } from '../features/events/EventsPage.js';
import { FeedbackPage } from '../features/feedback/FeedbackPage.js';
import { FoodListPage } from '../features/overview/FoodListPage.js';
import { OverviewPage } from '../features/overview/OverviewPage.js';
import { SeasonPage } from '../features/season/SeasonPage.js';
import { SendingPage } from '../features/sending/SendingPage.js';
import { InvitationTemplatesPage } from '../features/templates/InvitationTemplatesPage.js';
import { VenuesPage } from '../features/venues/VenuesPage.js';
import { WelcomeListPage } from '../features/welcome/WelcomeListPage.js';
import { NotFoundPage } from './MessagePage.js';
import '../shared/cafe.css';

/** Everything under /kafe: the overview, the season planner, venues, one café, its audience, its sending. */
export function CafeRoutes() {
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path="sesong" element={<SeasonPage />} />
      <Route path="lokaler" element={<VenuesPage />} />
      <Route path="ny" element={<NewEventPage />} />
      <Route path=":eventId" element={<EventPage />} />
      <Route path=":eventId/mottakere" element={<AudiencePage />} />
      <Route path=":eventId/invitasjon" element={<InvitationTemplatesPage />} />
      <Route path=":eventId/utsending" element={<SendingPage />} />
      <Route path=":eventId/oversikt" element={<OverviewPage />} />
      <Route path=":eventId/mat" element={<FoodListPage />} />
      <Route path=":eventId/innsjekk" element={<CheckinPage />} />
      <Route path=":eventId/tilbakemelding" element={<FeedbackPage />} />
      <Route path=":eventId/velkomst" element={<WelcomeListPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
