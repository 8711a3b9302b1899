import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Story } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, Navigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ReconnectingBanner } from '../../play/components/reconnecting-banner';
import { isEditableTarget, type ShortcutActions, type ShortcutRegistry, ShortcutsContext, useOpenShortcutsHelp } from '../hooks/use-shortcuts';
import { useStoryEvents } from '../hooks/use-story-events';
import { words } from '../labels';
import { defaultStep, isWizardStep, stepPath, stepReadiness, type WizardStep } from '../phases';
import { storyQueries } from '../queries';
import { ExportStep } from './export-step';
import { OutlineStep } from './outline-step';
import { PhaseHeader } from './phase-header';
import { PremiseStep } from './premise-step';
import { SetupStep } from './setup-step';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StoryBibleButton } from './story-bible-dialog';
import { WholeStoryJob } from './whole-story-job';
import { WritingStep } from './writing-step';

function BackButton() {
  return (
    <Tooltip title="My stories">
      <IconButton component={RouterLink} to="/write" aria-label="Back to my stories" edge="start">
        <ArrowBackRounded />
      </IconButton>
    </Tooltip>
  );
}

/**
 * The wizard's keyboard shortcuts: "?" opens the list, Ctrl/Cmd+Enter runs
 * the step's main action, Ctrl/Cmd+S saves now. Steps offer their actions.
 */
function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const entries = useRef(new Set<{ current: ShortcutActions }>());
  const registry = useMemo<ShortcutRegistry>(
    () => ({
      register: (actions) => {
        entries.current.add(actions);
        return () => entries.current.delete(actions);
      },
      openHelp: () => setHelpOpen(true),
    }),
    [],
  );
  const onKeyDown = useCallback((event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    const all = [...entries.current].map((entry) => entry.current);
    if (mod && event.key === 'Enter') {
      const primary = all.find((actions) => actions.primary)?.primary;
      if (primary) {
        event.preventDefault();
        primary();
      }
    } else if (mod && !event.shiftKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      for (const actions of all) actions.save?.();
    } else if (event.key === '?' && !mod && !event.altKey && !isEditableTarget(event.target)) {
      event.preventDefault();
      setHelpOpen(true);
    }
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onKeyDown]);
  return (
    <ShortcutsContext.Provider value={registry}>
      {children}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </ShortcutsContext.Provider>
  );
}

function WizardHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, minWidth: 0 }}>
      <BackButton />
      <Box sx={{ minWidth: 0, flexGrow: 1 }}>
        <Typography variant="h4" component="h1" noWrap sx={{ fontSize: { xs: '1.5rem', sm: '2.125rem' } }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" noWrap>
            {subtitle}
          </Typography>
        )}
      </Box>
      {children}
    </Stack>
  );
}

function HelpButton() {
  const openHelp = useOpenShortcutsHelp();
  return (
    <Tooltip title="Keyboard shortcuts (?)">
      <IconButton aria-label="Show keyboard shortcuts" onClick={openHelp}>
        <KeyboardOutlined />
      </IconButton>
    </Tooltip>
  );
}

/** `/write/new`, `/write/:storyId` and `/write/:storyId/:step`. */
export function StoryWizardPage() {
  const { storyId, step } = useParams();
  if (!storyId) {
    return (
      <ShortcutsProvider>
        <WizardHeader title="New story">
          <HelpButton />
        </WizardHeader>
        <PhaseHeader storyId={null} active="setup" readiness={stepReadiness(null)} />
        <SetupStep story={null} />
      </ShortcutsProvider>
    );
  }
  return <ExistingStory storyId={storyId} step={step} />;
}

function ExistingStory({ storyId, step }: { storyId: string; step: string | undefined }) {
  const story = useQuery(storyQueries.detail(storyId));
  useStoryEvents(storyId);

  if (story.isPending) {
    return (
      <Box role="status" aria-label="Loading the story">
        <Skeleton variant="text" width="40%" height={48} />
        <Skeleton variant="rounded" height={72} sx={{ mt: 2 }} />
        <Skeleton variant="rounded" height={320} sx={{ mt: 2 }} />
      </Box>
    );
  }
  if (story.isError) {
    return (
      <Box>
        <BackButton />
        <ErrorAlert error={story.error} />
      </Box>
    );
  }
  const readiness = stepReadiness(story.data);
  if (!isWizardStep(step)) return <Navigate to={stepPath(storyId, defaultStep(story.data))} replace />;
  // A step whose inputs are gone (a version swap, say) falls back to the furthest one that is open.
  if (!readiness[step].ready) return <Navigate to={stepPath(storyId, defaultStep(story.data))} replace />;
  return <Wizard story={story.data} step={step} />;
}

function Wizard({ story, step }: { story: Story; step: WizardStep }) {
  const readiness = stepReadiness(story);
  return (
    <ShortcutsProvider>
      <WizardHeader title={story.title} subtitle={`${story.setup.persona} · ${words(story.wordCount)}`}>
        <Chip size="small" variant="outlined" label={story.setup.tone} sx={{ display: { xs: 'none', sm: 'inline-flex' } }} />
        <StoryBibleButton story={story} />
        <HelpButton />
      </WizardHeader>
      <PhaseHeader storyId={story.id} active={step} readiness={readiness} />
      <ReconnectingBanner />
      <WholeStoryJob story={story} />
      {step === 'setup' && <SetupStep key={story.id} story={story} />}
      {step === 'premise' && <PremiseStep story={story} />}
      {step === 'outline' && <OutlineStep story={story} />}
      {step === 'writing' && <WritingStep story={story} />}
      {step === 'export' && <ExportStep story={story} />}
    </ShortcutsProvider>
  );
}
