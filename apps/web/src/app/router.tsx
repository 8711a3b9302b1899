import { createBrowserRouter } from 'react-router';
import { SystemPage } from '../features/admin/components/system-page';
import { SystemPromptsPage } from '../features/admin/components/system-prompts-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RedirectIfSignedIn } from '../features/auth/components/redirect-if-signed-in';
import { RegisterPage } from '../features/auth/components/register-page';
import { RequireAdmin } from '../features/auth/components/require-admin';
import { RequireAuth } from '../features/auth/components/require-auth';
import { ChatPage } from '../features/chat/components/chat-page';
import { ConversationPage } from '../features/create/components/conversation-page';
import { CreatePage } from '../features/create/components/create-page';
import { LibraryPage } from '../features/create/components/library-page';
import { OfflineShelfPage } from '../features/create/components/offline-shelf-page';
import { StoryProgressPage } from '../features/create/components/story-progress-page';
import { ReaderPage } from '../features/create/reader/reader-page';
import { HomePage } from '../features/home/components/home-page';
import { GamePage } from '../features/play/components/game-page';
import { PlayPage } from '../features/play/components/play-page';
import { ScenarioEditorPage } from '../features/scenarios/components/scenario-editor-page';
import { ScenariosPage } from '../features/scenarios/components/scenarios-page';
import { StoryWizardPage } from '../features/write/components/story-wizard-page';
import { WritePage } from '../features/write/components/write-page';
import { NotFoundPage } from './not-found-page';
import { AppShell } from './shell/app-shell';

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      element: (
        <RedirectIfSignedIn>
          <LoginPage />
        </RedirectIfSignedIn>
      ),
    },
    {
      path: '/register',
      element: (
        <RedirectIfSignedIn>
          <RegisterPage />
        </RedirectIfSignedIn>
      ),
    },
    // The reader and the stories kept on this device open without a session: that is how they work offline.
    { path: '/create/stories/:storyId/read', element: <ReaderPage /> },
    { path: '/create/offline', element: <OfflineShelfPage /> },
    {
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <HomePage /> },
        { path: 'play', element: <PlayPage /> },
        { path: 'play/:sessionId', element: <GamePage /> },
        { path: 'write', element: <WritePage /> },
        { path: 'write/new', element: <StoryWizardPage /> },
        { path: 'write/:storyId/:step?', element: <StoryWizardPage /> },
        { path: 'create', element: <CreatePage /> },
        { path: 'create/c/:conversationId', element: <ConversationPage /> },
        { path: 'create/library', element: <LibraryPage /> },
        { path: 'create/stories/:storyId', element: <StoryProgressPage /> },
        { path: 'chat/:chatId?', element: <ChatPage /> },
        { path: 'scenarios', element: <ScenariosPage /> },
        { path: 'scenarios/new', element: <ScenarioEditorPage /> },
        { path: 'scenarios/:scenarioId/edit', element: <ScenarioEditorPage /> },
        {
          path: 'admin',
          element: (
            <RequireAdmin>
              <SystemPage />
            </RequireAdmin>
          ),
        },
        {
          path: 'admin/system-prompts',
          element: (
            <RequireAdmin>
              <SystemPromptsPage />
            </RequireAdmin>
          ),
        },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
