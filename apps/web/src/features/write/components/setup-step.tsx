import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { PERSONAS, PersonaSchema, type Story } from '@storyos/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { FieldProblems } from '../../auth/components/field-problems';
import { splitFieldErrors } from '../../auth/field-errors';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { stepPath } from '../phases';
import { useCreateStoryMutation, useUpdateStoryMutation } from '../queries';
import {
  DEFAULT_SETUP,
  SETUP_FORM_FIELDS,
  SETUP_SELECT_FIELDS,
  SETUP_TEXT_FIELDS,
  type SetupValues,
  setupValuesOf,
  toSetupRequest,
} from '../setup-fields';
import { StepLayout } from './step-layout';

const descriptionOf = (persona: string) => PERSONAS.find((item) => item.name === persona)?.description ?? '';

/** Everything the Writer needs before the premise; `/write/new` creates the story with it. */
export function SetupStep({ story }: { story: Story | null }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<SetupValues>(story ? setupValuesOf(story) : DEFAULT_SETUP);
  const [saved, setSaved] = useState(false);
  const create = useCreateStoryMutation();
  const update = useUpdateStoryMutation(story?.id ?? '');
  const save = story ? update : create;
  const { byField, other, summary } = splitFieldErrors(save.error, SETUP_FORM_FIELDS);
  const errorOf = (field: string) => byField[field === 'title' ? 'title' : `setup.${field}`];
  const set = <K extends keyof SetupValues>(field: K, value: SetupValues[K]) => {
    setSaved(false);
    setValues((old) => ({ ...old, [field]: value }));
  };

  const submit = () => {
    setSaved(false);
    const body = toSetupRequest(values);
    if (story) update.mutate(body, { onSuccess: () => setSaved(true) });
    else create.mutate(body, { onSuccess: (created) => navigate(stepPath(created.id, 'premise'), { replace: true }) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  useStepShortcuts({ save: submit });

  return (
    <StepLayout
      title="Setup"
      description="Who tells the story, where it happens, who is in it and how it should feel. The premise, outline and story are written from these choices."
      next={story ? { label: 'Next: premise', to: stepPath(story.id, 'premise'), enabled: true } : undefined}
    >
      <Box component="form" onSubmit={onSubmit} noValidate aria-label="Story setup" sx={{ maxWidth: 820 }}>
        <ErrorAlert error={save.error} summary={summary}>
          <FieldProblems problems={other} />
        </ErrorAlert>
        {saved && !save.error && (
          <Alert severity="success" role="status" sx={{ my: 2 }}>
            Setup saved. The next premise you generate follows it.
          </Alert>
        )}
        <TextField
          name="title"
          label="Title"
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          required
          error={Boolean(errorOf('title'))}
          helperText={errorOf('title') ?? 'You can change it any time.'}
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
        <TextField
          select
          name="persona"
          label="Persona"
          value={values.persona}
          onChange={(event) => set('persona', PersonaSchema.parse(event.target.value))}
          error={Boolean(errorOf('persona'))}
          helperText={errorOf('persona') ?? descriptionOf(values.persona)}
          slotProps={{ select: { renderValue: (value) => String(value) } }}
        >
          {PERSONAS.map((persona) => (
            <MenuItem key={persona.name} value={persona.name} sx={{ whiteSpace: 'normal' }}>
              <ListItemText primary={persona.name} secondary={persona.description} />
            </MenuItem>
          ))}
        </TextField>
        {SETUP_TEXT_FIELDS.map((spec) => (
          <TextField
            key={spec.field}
            name={spec.field}
            label={spec.label}
            value={values[spec.field]}
            onChange={(event) => set(spec.field, event.target.value)}
            required={spec.required}
            multiline
            minRows={spec.field === 'plotElements' ? 2 : 3}
            error={Boolean(errorOf(spec.field))}
            helperText={errorOf(spec.field) ?? spec.hint}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
        ))}
        <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {SETUP_SELECT_FIELDS.map((spec) => (
            <TextField
              key={spec.field}
              select
              name={spec.field}
              label={spec.label}
              value={values[spec.field]}
              onChange={(event) => set(spec.field, event.target.value as SetupValues[typeof spec.field])}
              error={Boolean(errorOf(spec.field))}
              helperText={errorOf(spec.field)}
            >
              {spec.options.map((option) => (
                <MenuItem key={option} value={option}>
                  {option}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Box>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : story ? 'Save setup' : 'Save and continue'}
          </Button>
        </Stack>
      </Box>
    </StepLayout>
  );
}
