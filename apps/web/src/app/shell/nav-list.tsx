import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import { Link as RouterLink, useLocation } from 'react-router';
import { useSession } from '../../features/auth/hooks/use-session';
import { NAV_ITEMS, type NavItem } from './nav-items';

function NavEntry({ item, selected, onNavigate }: { item: NavItem; selected: boolean; onNavigate: () => void }) {
  const Icon = item.icon;
  if (!item.available) {
    return (
      <ListItem disablePadding>
        <ListItemButton disabled aria-disabled="true">
          <ListItemIcon>
            <Icon />
          </ListItemIcon>
          <ListItemText primary={item.label} />
          <Chip label="Soon" size="small" variant="outlined" />
        </ListItemButton>
      </ListItem>
    );
  }
  // Each entry is a list item holding its link, so the list is a real list to screen readers.
  return (
    <ListItem disablePadding>
      <ListItemButton
        component={RouterLink}
        to={item.path}
        selected={selected}
        aria-current={selected ? 'page' : undefined}
        onClick={onNavigate}
        sx={{ borderRadius: 2 }}
      >
        <ListItemIcon>
          <Icon color={selected ? 'primary' : undefined} />
        </ListItemIcon>
        <ListItemText primary={item.label} />
      </ListItemButton>
    </ListItem>
  );
}

export function NavList({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const { isAdmin } = useSession();
  const userItems = NAV_ITEMS.filter((item) => !item.adminOnly);
  const adminItems = NAV_ITEMS.filter((item) => item.adminOnly);
  // The deepest item containing the current page is the selected one (/play/123 → Play, /admin/system-prompts → System prompts).
  const selectedPath = NAV_ITEMS.map((item) => item.path)
    .filter((path) => pathname === path || (path !== '/' && pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
  // NavEntry is its own list item, so the list holds only list items (what assistive technology expects).
  const entry = (item: NavItem) => <NavEntry key={item.path} item={item} selected={selectedPath === item.path} onNavigate={onNavigate} />;
  return (
    <List sx={{ px: 1 }}>
      {userItems.map(entry)}
      {isAdmin && (
        <>
          <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: '36px', mt: 1 }}>Administration</ListSubheader>
          {adminItems.map(entry)}
        </>
      )}
    </List>
  );
}
