import ChevronLeftOutlined from '@mui/icons-material/ChevronLeftOutlined';
import ChevronRightOutlined from '@mui/icons-material/ChevronRightOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { DocumentVersion, Suggestion } from '@storyos/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { chatApi } from '../api';
import type { StreamedDocument } from '../hooks/use-artifact-stream';
import { chatKeys, chatQueries } from '../queries';
import { DiffView } from '../../../components/diff-view';
import { Markdown } from './markdown';
import { SuggestionMarks } from './suggestion-marks';

type Mode = 'read' | 'edit' | 'changes';

interface ArtifactPanelProps {
  documentId: string;
  /** The version being written by the reply right now, when it is this document. */
  streamed: StreamedDocument | null;
  canWrite: boolean;
  onClose: () => void;
}

/** The document beside the chat: its versions, what changed between them, the user's own edits, and suggestions to accept or reject. */
export function ArtifactPanel({ documentId, streamed, canWrite, onClose }: ArtifactPanelProps) {
  const queryClient = useQueryClient();
  const versions = useQuery({ ...chatQueries.document(documentId), enabled: !streamed?.streaming });
  const suggestions = useQuery(chatQueries.suggestions(documentId));
  const list = versions.data ?? [];
  // The version picked, for as long as the list has the length it had then: a new version shows itself.
  const [picked, setPicked] = useState<{ index: number; length: number } | null>(null);
  const index = picked && picked.length === list.length ? picked.index : null;
  const setIndex = (next: number) => setPicked({ index: next, length: list.length });
  const [mode, setMode] = useState<Mode>('read');
  const [draft, setDraft] = useState('');
  const [conflict, setConflict] = useState<DocumentVersion | null>(null);
  const shown = index === null ? list.at(-1) : list[index];
  const shownIndex = index ?? list.length - 1;
  const latest = list.at(-1);
  const isLatest = shown !== undefined && shown === latest;
  const open = (suggestions.data ?? []).filter((suggestion) => !suggestion.isResolved);

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: chatKeys.document(documentId) }), queryClient.invalidateQueries({ queryKey: chatKeys.suggestions(documentId) })]);
  const save = useMutation({
    mutationFn: ({ content, base }: { content: string; base?: string }) => chatApi.saveDocument(documentId, { title: latest!.title, content, kind: 'text', baseVersion: base }),
    onSuccess: () => (setMode('read'), refresh()),
    onError: (error) => {
      if (isApiError(error) && error.code === 'CONFLICT') setConflict((error.details as { current: DocumentVersion }).current);
    },
  });
  const restore = useMutation({ mutationFn: (timestamp: string) => chatApi.restoreVersion(documentId, timestamp), onSuccess: refresh });
  const resolve = useMutation({ mutationFn: ({ suggestion, action }: { suggestion: Suggestion; action: 'accept' | 'reject' }) => chatApi.resolveSuggestion(suggestion.id, action), onSuccess: refresh });

  const title = streamed?.streaming ? streamed.title : (shown?.title ?? streamed?.title ?? 'Document');
  const previous = shownIndex > 0 ? list[shownIndex - 1] : undefined;

  return (
    <Stack component="section" aria-label={`Document: ${title}`} sx={{ height: '100%', minHeight: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h6" component="h2" noWrap sx={{ flex: 1, minWidth: 0 }}>
          {title}
        </Typography>
        {streamed?.streaming && <CircularProgress size={18} aria-label="Writing the document" />}
        <Tooltip title="Close the document">
          <IconButton aria-label="Close the document" onClick={onClose}>
            <CloseOutlined />
          </IconButton>
        </Tooltip>
      </Stack>
      {!streamed?.streaming && list.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <IconButton size="small" aria-label="Older version" disabled={shownIndex <= 0 || mode === 'edit'} onClick={() => setIndex(shownIndex - 1)}>
            <ChevronLeftOutlined />
          </IconButton>
          <Typography variant="body2" aria-live="polite">
            Version {shownIndex + 1} of {list.length}
          </Typography>
          <IconButton size="small" aria-label="Newer version" disabled={isLatest || mode === 'edit'} onClick={() => setIndex(shownIndex + 1)}>
            <ChevronRightOutlined />
          </IconButton>
          <Box sx={{ flex: 1 }} />
          <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_event, next: Mode | null) => next && (next === 'edit' && setDraft(latest?.content ?? ''), setMode(next))} aria-label="How to show the document" sx={{ '& .MuiToggleButton-root': { color: 'text.primary' }, '& .MuiToggleButton-root.Mui-selected': { color: 'primary.main' } }}>
            <ToggleButton value="read">Read</ToggleButton>
            <ToggleButton value="changes" disabled={!previous}>
              Changes
            </ToggleButton>
            {canWrite && (
              <ToggleButton value="edit" disabled={!isLatest}>
                Edit
              </ToggleButton>
            )}
          </ToggleButtonGroup>
          {canWrite && !isLatest && shown && (
            <Button size="small" onClick={() => restore.mutate(shown.createdAt)} disabled={restore.isPending}>
              Restore this version
            </Button>
          )}
        </Stack>
      )}
      <Box sx={{ flex: 1, minHeight: 0, overflowY: 'auto', px: 2, pb: 2 }}>
        <ErrorAlert error={versions.error ?? save.error ?? restore.error ?? resolve.error} />
        {streamed?.streaming ? (
          <Box sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7 }}>{streamed.content}</Box>
        ) : mode === 'edit' && isLatest ? (
          <Stack spacing={1} sx={{ pt: 1 }}>
            <TextField value={draft} onChange={(event) => setDraft(event.target.value)} multiline minRows={12} fullWidth slotProps={{ htmlInput: { 'aria-label': 'Document text' } }} />
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
              <Button onClick={() => setMode('read')}>Cancel</Button>
              <Button variant="contained" disabled={save.isPending || draft === latest?.content} onClick={() => save.mutate({ content: draft, base: latest?.createdAt })}>
                Save as a new version
              </Button>
            </Stack>
          </Stack>
        ) : mode === 'changes' && shown && previous ? (
          <DiffView before={previous.content} after={shown.content} />
        ) : shown ? (
          <>
            {isLatest && open.length > 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
                {open.length} suggestion{open.length === 1 ? '' : 's'}: select a marked sentence to accept or reject it.
              </Typography>
            )}
            {isLatest && open.length > 0 ? (
              <SuggestionMarks content={shown.content} suggestions={open} canResolve={canWrite} busy={resolve.isPending} onResolve={(suggestion, action) => resolve.mutate({ suggestion, action })} />
            ) : (
              <Markdown text={shown.content} />
            )}
          </>
        ) : versions.isPending ? (
          <CircularProgress size={20} sx={{ mt: 2 }} aria-label="Loading the document" />
        ) : null}
      </Box>
      <ConflictDialog
        open={conflict !== null}
        title="The document changed meanwhile"
        description="A newer version was saved after you started editing. Keep yours as the newest version, or take the one saved meanwhile."
        mine={<Box sx={{ whiteSpace: 'pre-wrap' }}>{draft}</Box>}
        theirs={<Box sx={{ whiteSpace: 'pre-wrap' }}>{conflict?.content}</Box>}
        onKeepMine={() => (setConflict(null), save.mutate({ content: draft, base: conflict?.createdAt }))}
        onUseTheirs={() => (setConflict(null), setMode('read'), void refresh())}
      />
    </Stack>
  );
}
