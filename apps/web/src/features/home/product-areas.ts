import AutoAwesomeOutlined from '@mui/icons-material/AutoAwesomeOutlined';
import ChatBubbleOutlineOutlined from '@mui/icons-material/ChatBubbleOutlineOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import SportsEsportsOutlined from '@mui/icons-material/SportsEsportsOutlined';
import type { SvgIconComponent } from '@mui/icons-material';

export interface ProductArea {
  id: 'play' | 'write' | 'create' | 'chat';
  title: string;
  summary: string;
  path: string;
  icon: SvgIconComponent;
  /** Flip to true when the area ships; the home page and the nav then link to it. */
  available: boolean;
}

/** The four apps StoryOS brings together, in the order users meet them. */
export const PRODUCT_AREAS: readonly ProductArea[] = [
  {
    id: 'play',
    title: 'Play',
    summary: 'Step into interactive fiction: act as the hero and the story answers every move.',
    path: '/play',
    icon: SportsEsportsOutlined,
    available: true,
  },
  {
    id: 'write',
    title: 'Write',
    summary: 'Go from a premise to an outline to a full story with an AI co-writer.',
    path: '/write',
    icon: EditNoteOutlined,
    available: true,
  },
  {
    id: 'create',
    title: 'Create',
    summary: 'Talk through an idea and get an illustrated, narrated story scene by scene.',
    path: '/create',
    icon: AutoAwesomeOutlined,
    available: true,
  },
  {
    id: 'chat',
    title: 'Chat',
    summary: 'Chat about stories, draft documents together and pick up any conversation later.',
    path: '/chat',
    icon: ChatBubbleOutlineOutlined,
    available: true,
  },
];
