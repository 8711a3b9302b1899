import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import Logout from '@mui/icons-material/Logout';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useSession } from '../hooks/use-session';
import { useLogoutMutation } from '../queries';
import { QuotaLine } from './quota-line';
import { UpgradeDialog } from './upgrade-dialog';

/** Who is signed in, today's quota, saving a guest account and logging out. */
export function UserMenu() {
  const { user, isGuest, isAdmin } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [upgradeOpen, setUpgradeOpen] = useState(false);
  const logout = useLogoutMutation();
  if (!user) return null;

  const openUpgrade = () => {
    setAnchor(null);
    setUpgradeOpen(true);
  };

  return (
    <>
      {isGuest && (
        <Button
          variant="contained"
          size="small"
          onClick={openUpgrade}
          startIcon={<SaveOutlined />}
          sx={{ display: { xs: 'none', sm: 'inline-flex' }, mr: 1 }}
        >
          Save your account
        </Button>
      )}
      <IconButton
        aria-label="Account menu"
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <Avatar sx={{ width: 34, height: 34, bgcolor: 'primary.main', fontSize: 16 }}>
          {user.displayName.charAt(0).toUpperCase()}
        </Avatar>
      </IconButton>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 260 } } }}
      >
        <Box sx={{ px: 2, py: 1 }}>
          <Typography sx={{ fontWeight: 600 }}>{user.displayName}</Typography>
          <Typography variant="body2" color="text.secondary">
            {user.email ?? 'Guest account'}
          </Typography>
          {isAdmin && (
            <Chip size="small" icon={<AdminPanelSettingsOutlined />} label="Administrator" sx={{ mt: 1 }} />
          )}
          <QuotaLine />
        </Box>
        <Divider />
        {isGuest && (
          <MenuItem onClick={openUpgrade}>
            <ListItemIcon>
              <SaveOutlined fontSize="small" />
            </ListItemIcon>
            Save your account
          </MenuItem>
        )}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            logout.mutate();
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          Log out
        </MenuItem>
      </Menu>
      <UpgradeDialog open={upgradeOpen} onClose={() => setUpgradeOpen(false)} />
    </>
  );
}
