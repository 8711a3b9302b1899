import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Box from '@mui/material/Box';
import { useId } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: [MOD, 'Enter'], action: 'Generate (premise, outline), start or continue the story' },
  { keys: [MOD, 'S'], action: 'Save now' },
  { keys: [MOD, 'Z'], action: 'Undo in the editor' },
  { keys: [MOD, 'Shift', 'Z'], action: 'Redo in the editor' },
  { keys: ['Ctrl', 'Y'], action: 'Redo in the editor' },
  { keys: ['?'], action: 'Show these shortcuts (outside a text field)' },
];

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={`${key}-${index}`}>
          {index > 0 && ' + '}
          <Box
            component="kbd"
            sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'inherit', fontSize: '0.85em', bgcolor: 'action.hover' }}
          >
            {key}
          </Box>
        </span>
      ))}
    </>
  );
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Keyboard shortcuts">
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={`${shortcut.keys.join('+')}-${shortcut.action}`}>
                <TableCell sx={{ whiteSpace: 'nowrap', width: '1%', pl: 0 }}>
                  <Keys keys={shortcut.keys} />
                </TableCell>
                <TableCell>{shortcut.action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
