import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import { useNavigate } from 'react-router';
import { visuallyHidden } from '../../../components/visually-hidden';
import { blockedReason, STEP_LABELS, stepPath, type StepReadiness, WIZARD_STEPS, type WizardStep } from '../phases';

interface PhaseHeaderProps {
  storyId: string | null;
  active: WizardStep;
  readiness: StepReadiness;
}

/** Setup → Premise → Outline → Writing → Export; a step opens once what it needs exists. */
export function PhaseHeader({ storyId, active, readiness }: PhaseHeaderProps) {
  const navigate = useNavigate();
  const activeIndex = WIZARD_STEPS.indexOf(active);
  return (
    <Box component="nav" aria-label="Story steps" sx={{ mb: 3, overflowX: 'auto' }}>
      <Stepper nonLinear alternativeLabel activeStep={activeIndex} sx={{ minWidth: 340 }}>
        {WIZARD_STEPS.map((step, index) => {
          const open = readiness[step].ready && (storyId !== null || step === 'setup');
          const reason = blockedReason(readiness[step]);
          const reasonId = `step-${step}-blocked`;
          return (
            <Step key={step} completed={open && index < activeIndex} disabled={!open}>
              <StepButton
                onClick={() => storyId && navigate(stepPath(storyId, step))}
                aria-current={step === active ? 'step' : undefined}
                aria-describedby={!open && reason ? reasonId : undefined}
              >
                {STEP_LABELS[step]}
              </StepButton>
              {!open && reason && (
                <Box id={reasonId} sx={visuallyHidden}>
                  {reason}
                </Box>
              )}
            </Step>
          );
        })}
      </Stepper>
    </Box>
  );
}
