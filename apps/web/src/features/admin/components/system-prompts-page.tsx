import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { SystemPromptKind } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { systemPromptQueries } from '../queries';
import { SystemPromptEditor } from './system-prompt-editor';

const KINDS: { kind: SystemPromptKind; title: string; summary: string }[] = [
  { kind: 'narrator', title: 'Narrator', summary: 'Writes the story: the opening and every reply to the player.' },
  { kind: 'world-state', title: 'World state', summary: 'After each turn, updates the location, characters, timeline, act and chapter.' },
];

/** Versioned system prompts for the game; one version per kind is active. */
export function SystemPromptsPage() {
  const [kind, setKind] = useState<SystemPromptKind>('narrator');
  const prompts = useQuery(systemPromptQueries.list());
  const current = KINDS.find((entry) => entry.kind === kind) ?? KINDS[0]!;
  return (
    <Box sx={{ maxWidth: 960 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        System prompts
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Every edit makes a new version. Only the active version of each kind is used by new generations.
      </Typography>
      <Tabs value={kind} onChange={(_event, next: SystemPromptKind) => setKind(next)} aria-label="Prompt kind" sx={{ mb: 1 }}>
        {KINDS.map((entry) => (
          <Tab key={entry.kind} value={entry.kind} label={entry.title} />
        ))}
      </Tabs>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {current.summary}
      </Typography>
      <ErrorAlert error={prompts.error} />
      {prompts.isPending && <Skeleton variant="rounded" height={320} role="status" aria-label="Loading system prompts" />}
      {prompts.data && (
        <SystemPromptEditor
          key={kind}
          kind={kind}
          title={current.title}
          versions={prompts.data.filter((prompt) => prompt.kind === kind).sort((a, b) => b.version - a.version)}
        />
      )}
    </Box>
  );
}
