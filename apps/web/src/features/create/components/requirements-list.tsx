import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { REQUIRED_REQUIREMENT_FIELDS, type RequirementField, type StoryRequirements } from '@storyos/contracts';
import { requirementLines } from '../requirements-view';

const required: readonly RequirementField[] = REQUIRED_REQUIREMENT_FIELDS;

/** What the agent has gathered so far: a tick for each known requirement; the story needs only some, the rest have defaults. */
export function RequirementsList({ requirements }: { requirements: StoryRequirements }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1, rowGap: 1 }}>
      {requirementLines(requirements).map((line) => (
        <Box key={line.field} sx={{ display: 'contents' }} data-field={line.field}>
          <Box component="dt" sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.75, fontWeight: 600 }}>
            {line.value ? <CheckCircleOutline fontSize="small" color="success" aria-hidden /> : <RadioButtonUnchecked fontSize="small" color="disabled" aria-hidden />}
            <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
              {line.label}
            </Typography>
          </Box>
          <Typography component="dd" variant="body2" sx={{ m: 0, color: line.value ? 'text.primary' : 'text.secondary', overflowWrap: 'anywhere' }}>
            {line.value ?? (required.includes(line.field) ? 'Needed' : 'Not yet — a default will do')}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
