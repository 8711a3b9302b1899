import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '../../../components/visually-hidden';
import { PASSWORD_CHECKS } from '../password-rules';

export function PasswordRulesList({ id, password }: { id: string; password: string }) {
  return (
    <Box id={id} component="ul" aria-label="Password rules" sx={{ listStyle: 'none', p: 0, m: 0, mb: 1 }}>
      {PASSWORD_CHECKS.map((rule) => {
        const met = rule.test(password);
        return (
          <Box component="li" key={rule.label} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25 }}>
            {met ? (
              <CheckCircle fontSize="small" color="success" aria-hidden />
            ) : (
              <RadioButtonUnchecked fontSize="small" color="disabled" aria-hidden />
            )}
            <Typography variant="body2" color={met ? 'success.main' : 'text.secondary'}>
              {rule.label}
              <Box component="span" sx={visuallyHidden}>
                {met ? ' (met)' : ' (not met yet)'}
              </Box>
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
