import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import { useState } from 'react';
import { Outlet, Link as RouterLink } from 'react-router';
import { Brand } from '../../components/brand';
import { ThemeToggleButton } from '../../components/theme-toggle-button';
import { UserMenu } from '../../features/auth/components/user-menu';
import { InstallAppButton } from '../pwa/install-app-button';
import { NavList } from './nav-list';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/skip-link';

const DRAWER_WIDTH = 248;

/**
 * App bar on top, navigation on the left. Both drawers are rendered and CSS
 * picks one per breakpoint, so the layout is right on the very first paint.
 */
export function AppShell() {
  const [mobileOpen, setMobileOpen] = useState(false);
  const closeMobile = () => setMobileOpen(false);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <SkipLink />
      <AppBar
        position="fixed"
        sx={{ zIndex: (theme) => theme.zIndex.drawer + 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar sx={{ gap: 1 }}>
          <IconButton
            aria-label="Open navigation"
            edge="start"
            onClick={() => setMobileOpen(true)}
            sx={{ display: { md: 'none' } }}
          >
            <MenuIcon />
          </IconButton>
          <Link component={RouterLink} to="/" color="inherit" underline="none" aria-label="StoryOS home">
            <Brand />
          </Link>
          <Box sx={{ flexGrow: 1 }} />
          <InstallAppButton />
          <ThemeToggleButton />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box component="nav" aria-label="Main navigation" sx={{ width: { md: DRAWER_WIDTH }, flexShrink: { md: 0 } }}>
        <Drawer
          variant="temporary"
          open={mobileOpen}
          onClose={closeMobile}
          // Above the app bar: on phones the drawer is a modal sheet covering everything.
          sx={{ zIndex: (theme) => theme.zIndex.drawer + 2, display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
        >
          <Toolbar>
            <Brand />
          </Toolbar>
          <NavList onNavigate={closeMobile} />
        </Drawer>
        <Drawer
          variant="permanent"
          open
          sx={{ display: { xs: 'none', md: 'block' }, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <Toolbar />
          <NavList onNavigate={closeMobile} />
        </Drawer>
      </Box>
      <Box component="main" id={MAIN_CONTENT_ID} tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, sm: 3 }, '&:focus': { outline: 'none' } }}>
        <Toolbar />
        <Outlet />
      </Box>
    </Box>
  );
}
