import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import PublicRounded from '@mui/icons-material/PublicRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type Scenario, ScenarioConflictDetailsSchema } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { FieldProblems } from '../../auth/components/field-problems';
import { splitFieldErrors } from '../../auth/field-errors';
import { useSession } from '../../auth/hooks/use-session';
import { VISIBILITY_LABELS } from '../labels';
import {
  scenarioQueries,
  useArchiveScenarioMutation,
  useCreateScenarioMutation,
  usePublishScenarioMutation,
  useUpdateScenarioMutation,
} from '../queries';
import { emptyScenarioValues, SCENARIO_FIELDS, ScenarioDifferences, ScenarioFormFields, type ScenarioValues, toRequest, valuesOf } from './scenario-form';

/** The newer scenario a 409 carries when someone saved it after this page opened. */
function newerScenarioOf(error: unknown): Scenario | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  return ScenarioConflictDetailsSchema.safeParse(error.details).data?.current ?? null;
}

function NotEditable() {
  return (
    <Alert severity="info" sx={{ maxWidth: 640 }}>
      Only its author can edit a private scenario, and only administrators can edit published or archived ones.{' '}
      <Button component={RouterLink} to="/scenarios" size="small">
        Back to scenarios
      </Button>
    </Alert>
  );
}

/** `/scenarios/new` and `/scenarios/:id/edit`. */
export function ScenarioEditorPage() {
  const { scenarioId } = useParams();
  const scenario = useQuery({ ...scenarioQueries.detail(scenarioId ?? ''), enabled: Boolean(scenarioId) });
  const { user, isAdmin } = useSession();

  if (!scenarioId) return <ScenarioEditor scenario={null} />;
  if (scenario.isPending) return <Skeleton variant="rounded" height={480} role="status" aria-label="Loading the scenario" />;
  if (scenario.isError) return <ErrorAlert error={scenario.error} />;
  if (!isAdmin && (scenario.data.author.id !== user?.id || scenario.data.visibility !== 'private')) return <NotEditable />;
  // Keyed by id: opening another scenario starts the form again from its stored fields.
  return <ScenarioEditor key={scenario.data.id} scenario={scenario.data} />;
}

function ScenarioEditor({ scenario }: { scenario: Scenario | null }) {
  const navigate = useNavigate();
  const { isAdmin } = useSession();
  const [values, setValues] = useState<ScenarioValues>(scenario ? valuesOf(scenario) : emptyScenarioValues);
  // The version these values were loaded from; a save names it, so nobody else's newer edit is overwritten unseen.
  const [baseVersion, setBaseVersion] = useState(scenario?.version ?? 1);
  const [saved, setSaved] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const create = useCreateScenarioMutation();
  const update = useUpdateScenarioMutation(scenario?.id ?? '');
  const publish = usePublishScenarioMutation();
  const archive = useArchiveScenarioMutation();
  const save = scenario ? update : create;
  const newer = newerScenarioOf(update.error);
  const { byField, other, summary } = splitFieldErrors(newer ? null : save.error, SCENARIO_FIELDS);

  const saveOn = (base: number) => {
    setSaved(false);
    // Visibility is changed by publish and archive; only a new scenario chooses it here.
    const body = toRequest(values, isAdmin && !scenario);
    if (scenario) {
      update.mutate(
        { ...body, baseVersion: base },
        {
          onSuccess: (stored) => {
            setBaseVersion(stored.version);
            setSaved(true);
          },
        },
      );
    } else create.mutate(body, { onSuccess: (created) => navigate(`/scenarios/${created.id}/edit`, { replace: true }) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    saveOn(baseVersion);
  };
  /** Publishing or archiving from this page moves the version on by one; the form stays based on it. */
  const followOwnChange = (changed: Scenario) => setBaseVersion((base) => (changed.version === base + 1 ? changed.version : base));

  return (
    <Box sx={{ maxWidth: 820 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {scenario ? `Edit “${scenario.name}”` : 'New scenario'}
      </Typography>
      {scenario && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip size="small" label={VISIBILITY_LABELS[scenario.visibility]} color={scenario.visibility === 'public' ? 'success' : 'default'} />
          <Chip size="small" variant="outlined" label={`Version ${scenario.version}`} />
          <Typography variant="body2" color="text.secondary">
            by {scenario.author.displayName}
          </Typography>
        </Stack>
      )}
      {scenario && isAdmin && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
          {scenario.visibility !== 'public' && (
            <Button variant="outlined" startIcon={<PublicRounded />} onClick={() => publish.mutate(scenario.id, { onSuccess: followOwnChange })} disabled={publish.isPending}>
              {publish.isPending ? 'Publishing…' : 'Publish'}
            </Button>
          )}
          {scenario.visibility !== 'archived' && (
            <Button variant="outlined" color="warning" startIcon={<ArchiveOutlined />} onClick={() => setConfirmArchive(true)}>
              Archive
            </Button>
          )}
        </Stack>
      )}
      <ErrorAlert error={publish.error} />
      {saved && !save.error && (
        <Alert severity="success" role="status" sx={{ my: 2 }}>
          Saved. New games use this version; games already started keep theirs.
        </Alert>
      )}
      <Card>
        <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
          <form onSubmit={onSubmit} noValidate>
            <ErrorAlert error={newer ? null : save.error} summary={summary}>
              <FieldProblems problems={other} />
            </ErrorAlert>
            <ScenarioFormFields values={values} onChange={setValues} errors={byField} showVisibility={isAdmin && !scenario} />
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
              <Button type="submit" variant="contained" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : scenario ? 'Save changes' : 'Create scenario'}
              </Button>
              <Button component={RouterLink} to="/scenarios">
                Back to scenarios
              </Button>
            </Stack>
          </form>
        </CardContent>
      </Card>
      {newer && (
        <ConflictDialog
          open
          title="This scenario changed meanwhile"
          description={`Someone saved version ${newer.version} after you opened this page. Your changes are not saved yet: choose which to keep. Only the fields that differ are shown.`}
          mine={<ScenarioDifferences values={values} other={valuesOf(newer)} />}
          theirs={<ScenarioDifferences values={valuesOf(newer)} other={values} />}
          theirsLabel={`Version ${newer.version}`}
          onKeepMine={() => saveOn(newer.version)}
          onUseTheirs={() => {
            setValues(valuesOf(newer));
            setBaseVersion(newer.version);
            update.reset();
          }}
        />
      )}
      {scenario && (
        <ConfirmDialog
          open={confirmArchive}
          title="Archive this scenario?"
          confirmLabel={archive.isPending ? 'Archiving…' : 'Archive'}
          busy={archive.isPending}
          error={archive.error}
          onClose={() => {
            archive.reset();
            setConfirmArchive(false);
          }}
          onConfirm={() =>
            archive.mutate(scenario.id, {
              onSuccess: (changed) => {
                followOwnChange(changed);
                setConfirmArchive(false);
              },
            })
          }
        >
          “{scenario.name}” will no longer be offered for new games. Games already started with it keep going.
        </ConfirmDialog>
      )}
    </Box>
  );
}
