import HomeOutlined from '@mui/icons-material/HomeOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import MonitorHeartOutlined from '@mui/icons-material/MonitorHeartOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import type { SvgIconComponent } from '@mui/icons-material';
import { PRODUCT_AREAS } from '../../features/home/product-areas';

export interface NavItem {
  label: string;
  path: string;
  icon: SvgIconComponent;
  available: boolean;
  adminOnly: boolean;
}

/** The drawer follows the product areas list, so an area that ships shows up here too. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', path: '/', icon: HomeOutlined, available: true, adminOnly: false },
  ...PRODUCT_AREAS.map((area) => ({
    label: area.title,
    path: area.path,
    icon: area.icon,
    available: area.available,
    adminOnly: false,
  })),
  { label: 'Scenarios', path: '/scenarios', icon: MenuBookOutlined, available: true, adminOnly: false },
  { label: 'System', path: '/admin', icon: MonitorHeartOutlined, available: true, adminOnly: true },
  { label: 'System prompts', path: '/admin/system-prompts', icon: TuneOutlined, available: true, adminOnly: true },
];
