import HistoryRounded from '@mui/icons-material/HistoryRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ArtifactKind } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { DiffView } from '../../../components/diff-view';
import { SOURCE_LABELS } from '../labels';
import { versionPreview, versionText } from '../version-preview';
import { storyQueries, useMakeCurrentMutation } from '../queries';

const KIND_LABELS: Record<ArtifactKind, string> = { premise: 'premise', outline: 'outline', story: 'story' };

interface VersionPickerProps {
  storyId: string;
  kind: ArtifactKind;
  disabled?: boolean;
  /** Runs before a version is made current, e.g. to save pending edits first. */
  beforeChange?: () => Promise<unknown>;
}

/** Every version of a premise, outline or story text; any of them can be made current again. */
export function VersionPicker({ storyId, kind, disabled, beforeChange }: VersionPickerProps) {
  const [open, setOpen] = useState(false);
  const [comparing, setComparing] = useState<string | null>(null);
  const titleId = useId();
  const versions = useQuery({ ...storyQueries.versions(storyId, kind), enabled: open });
  const makeCurrent = useMakeCurrentMutation(storyId);

  const choose = async (versionId: string) => {
    await beforeChange?.();
    makeCurrent.mutate(versionId, { onSuccess: () => setOpen(false) });
  };
  const close = () => {
    makeCurrent.reset();
    setComparing(null);
    setOpen(false);
  };
  const current = versions.data?.find((version) => version.isCurrent) ?? null;

  return (
    <>
      <Button variant="text" startIcon={<HistoryRounded />} onClick={() => setOpen(true)} disabled={disabled}>
        Versions
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="md" fullWidth>
        <DialogTitle id={titleId}>Versions of the {KIND_LABELS[kind]}</DialogTitle>
        <DialogContent dividers>
          <ErrorAlert error={versions.error ?? makeCurrent.error} />
          {versions.isPending && <Skeleton variant="rounded" height={120} role="status" aria-label="Loading the versions" />}
          {versions.data && versions.data.length === 0 && <Typography color="text.secondary">No versions yet.</Typography>}
          {versions.data && versions.data.length > 0 && (
            <List aria-label="Versions" disablePadding>
              {versions.data.map((version, index) => (
                <ListItem key={version.id} divider disableGutters sx={{ display: 'block', py: 1.5 }}>
                  <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
                    <Typography component="span" sx={{ fontWeight: 600 }}>
                      Version {version.version}
                    </Typography>
                    <Chip size="small" variant="outlined" label={SOURCE_LABELS[version.source]} />
                    <Typography variant="body2" color="text.secondary" component="span">
                      {formatRelativeTime(version.createdAt)}
                    </Typography>
                    <span style={{ flexGrow: 1 }} />
                    {version.isCurrent ? (
                      <Chip size="small" color="primary" label="Current" />
                    ) : (
                      <>
                        {current && (
                          <Button
                            size="small"
                            variant="text"
                            onClick={() => setComparing(comparing === version.id ? null : version.id)}
                            aria-expanded={comparing === version.id}
                            aria-label={`${comparing === version.id ? 'Hide changes' : 'Compare'}: version ${version.version} with the current version`}
                          >
                            {comparing === version.id ? 'Hide changes' : 'Compare'}
                          </Button>
                        )}
                        <Button
                        size="small"
                        variant="outlined"
                        onClick={() => void choose(version.id)}
                        disabled={makeCurrent.isPending}
                        aria-label={`Make current: version ${version.version}`}
                      >
                        Make current
                        </Button>
                      </>
                    )}
                  </Stack>
                  {comparing === version.id && current ? (
                    <Box tabIndex={0} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 2, maxHeight: 320, overflowY: 'auto', fontSize: '0.9rem' }}>
                      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                        From version {version.version} to the current version {current.version}: struck-through words are only in version {version.version}, underlined ones only in the current one.
                      </Typography>
                      <DiffView before={versionText(version)} after={versionText(current)} label={`Changes from version ${version.version} to the current version`} />
                    </Box>
                  ) : (
                    <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }} data-testid="version-preview">
                      {versionPreview(version, versions.data[index + 1] ?? null)}
                    </Typography>
                  )}
                </ListItem>
              ))}
            </List>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
