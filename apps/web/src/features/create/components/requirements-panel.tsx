import AutoStoriesOutlined from '@mui/icons-material/AutoStoriesOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { REQUIRED_REQUIREMENT_FIELDS, type RequirementField, type StoryConversation, type StoryRequirements } from '@storyos/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { createApi } from '../api';
import { createKeys } from '../keys';
import { REQUIREMENT_LABELS } from '../labels';
import { requirementsText } from '../requirements-view';
import { RequirementsForm } from './requirements-form';
import { RequirementsList } from './requirements-list';

/**
 * The requirements beside the conversation: filled in after every turn,
 * editable by hand from the version shown (a stale save is a conflict the
 * user settles), and "Make my story" once the needed ones are there.
 */
export function RequirementsPanel({ conversation }: { conversation: StoryConversation }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<StoryRequirements | null>(null);
  const key = createKeys.conversation(conversation.id);

  const save = useMutation({
    mutationFn: ({ requirements, baseVersion }: { requirements: StoryRequirements; baseVersion: number }) => createApi.saveRequirements(conversation.id, requirements, baseVersion),
    onSuccess: (state) => {
      queryClient.setQueryData<StoryConversation>(key, (current) => current && { ...current, ...state });
      // The conversation's title and the history follow the requirements.
      void queryClient.invalidateQueries({ queryKey: createKeys.conversations });
      setEditing(false);
      setConflict(null);
    },
    onError: async (error, { requirements }) => {
      if (!isApiError(error) || error.status !== 409) return;
      // Someone (another tab, the agent's last turn) changed them meanwhile: fetch theirs and let the user choose.
      await queryClient.invalidateQueries({ queryKey: key });
      setConflict(requirements);
    },
  });

  const make = useMutation({
    mutationFn: () => createApi.makeStory(conversation.id),
    onSuccess: ({ storyId }) => {
      void queryClient.invalidateQueries({ queryKey: createKeys.stories });
      void navigate(`/create/stories/${storyId}`);
    },
  });

  const required: readonly RequirementField[] = REQUIRED_REQUIREMENT_FIELDS;
  const missingWords = conversation.missing.filter((field) => required.includes(field)).map((field) => REQUIREMENT_LABELS[field].toLowerCase()).join(', ');

  return (
    <Paper component="section" aria-labelledby="requirements-heading" variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}>
        <Typography id="requirements-heading" variant="h6" component="h2">
          Your story so far
        </Typography>
        {!editing && (
          <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
      </Stack>
      {editing ? (
        <RequirementsForm
          key={conversation.version}
          initial={conflict ?? conversation.requirements}
          saving={save.isPending}
          onSave={(requirements) => save.mutate({ requirements, baseVersion: conversation.version })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <RequirementsList requirements={conversation.requirements} />
      )}
      {save.error && !(isApiError(save.error) && save.error.status === 409) && <ErrorAlert error={save.error} />}
      <ErrorAlert error={make.error} />
      <Stack spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" size="large" startIcon={<AutoStoriesOutlined />} disabled={!conversation.ready || make.isPending || editing} onClick={() => make.mutate()}>
          {make.isPending ? 'Starting…' : 'Make my story'}
        </Button>
        {!conversation.ready && (
          <Typography variant="body2" color="text.secondary">
            Still needed: {missingWords}.
          </Typography>
        )}
      </Stack>
      <ConflictDialog
        open={conflict !== null}
        title="The requirements changed meanwhile"
        description="They were updated (by the storyteller or in another tab) after you started editing. Choose which to keep."
        mine={<ConflictText text={conflict ? requirementsText(conflict) : ''} />}
        theirs={<ConflictText text={requirementsText(conversation.requirements)} />}
        theirsLabel="As they are now"
        onKeepMine={() => conflict && save.mutate({ requirements: conflict, baseVersion: conversation.version })}
        onUseTheirs={() => {
          setConflict(null);
          setEditing(false);
        }}
      />
    </Paper>
  );
}
