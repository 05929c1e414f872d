import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuditLogPage } from '../features/audit/AuditLogPage.js';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { SetPasswordPage } from '../features/auth/SetPasswordPage.js';
import { ImportPage } from '../features/import/ImportPage.js';
import { MyPage } from '../features/my/MyPage.js';
import { PostcodesPage } from '../features/registry-data/PostcodesPage.js';
import { RetentionPage } from '../features/retention/RetentionPage.js';
import { SenderSettingsPage } from '../features/sender-settings/SenderSettingsPage.js';
import { UsersPage } from '../features/users/UsersPage.js';
import { PublicLayout } from '../shared/PublicLayout.js';
import { AppShell } from './AppShell.js';
import { CafeRoutes } from './CafeRoutes.js';
import { HomePage } from './HomePage.js';
import { NotFoundPage } from './MessagePage.js';
import { area } from './navigation.js';
import { RegistryRoutes } from './RegistryRoutes.js';
import { RequireArea, RequireAuth } from './RequireAuth.js';
import { SessionProvider } from './session.js';

// The insight page brings the chart library: loaded only when someone opens it, so the pages a
// foster parent opens on a phone stay small.
const InsightPage = lazy(() =>
  import('../features/insight/InsightPage.js').then((m) => ({ default: m.InsightPage })),
);
// The networks' pages are for the team and the resource families only: loaded when opened.
const NetworkRoutes = lazy(() =>
  import('../features/networks/NetworkRoutes.js').then((m) => ({ default: m.NetworkRoutes })),
);
const MyNetworkRoutes = lazy(() =>
  import('../features/my-network/MyNetworkRoutes.js').then((m) => ({ default: m.MyNetworkRoutes })),
);
// Matching, the candidate list and the networks' insight (charts): the team's, loaded when opened.
const MatchingPage = lazy(() =>
  import('../features/matching/MatchingPage.js').then((m) => ({ default: m.MatchingPage })),
);
const CandidatesPage = lazy(() =>
  import('../features/matching/CandidatesPage.js').then((m) => ({ default: m.CandidatesPage })),
);
const NetworkInsightPage = lazy(() =>
  import('../features/network-insight/NetworkInsightPage.js').then((m) => ({
    default: m.NetworkInsightPage,
  })),
);
// The family homes' pages: for the team and the family counsellors only, loaded when opened.
const FamilyHomesRoutes = lazy(() =>
  import('../features/family-homes/FamilyHomesRoutes.js').then((m) => ({ default: m.FamilyHomesRoutes })),
);
// En god start's pages bring the chart library (the evaluation): loaded when opened.
const GoodStartRoutes = lazy(() =>
  import('../features/good-start/GoodStartRoutes.js').then((m) => ({ default: m.GoodStartRoutes })),
);
// The programme's pages bring the chart library (stability): loaded when opened.
const ProgrammeRoutes = lazy(() =>
  import('../features/programmes/ProgrammeRoutes.js').then((m) => ({ default: m.ProgrammeRoutes })),
);

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<PublicLayout />}>
            <Route path="/logg-inn" element={<LoginPage />} />
            <Route path="/glemt-passord" element={<ForgotPasswordPage />} />
            <Route path="/tilbakestill-passord" element={<SetPasswordPage mode="reset" />} />
            <Route path="/velkommen" element={<SetPasswordPage mode="welcome" />} />
          </Route>
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route
              path="/register/import"
              element={
                <RequireArea area={area('register')}>
                  <ImportPage />
                </RequireArea>
              }
            />
            <Route
              path="/register/*"
              element={
                <RequireArea area={area('register')}>
                  <RegistryRoutes />
                </RequireArea>
              }
            />
            <Route
              path="/kafe/*"
              element={
                <RequireArea area={area('cafe')}>
                  <CafeRoutes />
                </RequireArea>
              }
            />
            <Route
              path="/nettverk/*"
              element={
                <RequireArea area={area('networks')}>
                  <Suspense fallback={null}>
                    <NetworkRoutes />
                  </Suspense>
                </RequireArea>
              }
            />
            <Route
              path="/god-start/*"
              element={
                <RequireArea area={area('goodStart')}>
                  <Suspense fallback={null}>
                    <GoodStartRoutes />
                  </Suspense>
                </RequireArea>
              }
            />
            <Route
              path="/familiehjem/*"
              element={
                <RequireArea area={area('familyHomes')}>
                  <Suspense fallback={null}>
                    <FamilyHomesRoutes />
                  </Suspense>
                </RequireArea>
              }
            />
            <Route
              path="/mitt-nettverk/*"
              element={
                <RequireArea area={area('myNetwork')}>
                  <Suspense fallback={null}>
                    <MyNetworkRoutes />
                  </Suspense>
                </RequireArea>
              }
            />
            <Route
              path="/innsikt"
              element={
                <RequireArea area={area('insight')}>
                  <Suspense fallback={null}>
                    <InsightPage />
                  </Suspense>
                </RequireArea>
              }
            />
            {(
              [
                ['/innsikt/nettverk', <NetworkInsightPage key="insight" />],
                ['/nettverk/sammensetting', <MatchingPage key="matching" />],
                ['/nettverk/kandidater', <CandidatesPage key="candidates" />],
              ] as const
            ).map(([path, page]) => (
              <Route
                key={path}
                path={path}
                element={
                  <RequireArea area={area('networks')}>
                    <Suspense fallback={null}>{page}</Suspense>
                  </RequireArea>
                }
              />
            ))}
            <Route
              path="/program/*"
              element={
                <RequireArea area={area('programme')}>
                  <Suspense fallback={null}>
                    <ProgrammeRoutes />
                  </Suspense>
                </RequireArea>
              }
            />
            <Route
              path="/admin/brukere"
              element={
                <RequireArea area={area('users')}>
                  <UsersPage />
                </RequireArea>
              }
            />
            <Route
              path="/admin/logg"
              element={
                <RequireArea area={area('audit')}>
                  <AuditLogPage />
                </RequireArea>
              }
            />
            <Route
              path="/min-side"
              element={
                <RequireArea area={area('myPage')}>
                  <MyPage />
                </RequireArea>
              }
            />
            <Route path="/mine" element={<Navigate to="/min-side" replace />} />
            <Route
              path="/admin/postnumre"
              element={
                <RequireArea area={area('postcodes')}>
                  <PostcodesPage />
                </RequireArea>
              }
            />
            <Route
              path="/admin/oppbevaring"
              element={
                <RequireArea area={area('retention')}>
                  <RetentionPage />
                </RequireArea>
              }
            />
            <Route
              path="/admin/avsender"
              element={
                <RequireArea area={area('sender')}>
                  <SenderSettingsPage />
                </RequireArea>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
