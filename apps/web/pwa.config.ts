import type { ManifestOptions } from 'vite-plugin-pwa';

/**
 * What the browser needs to offer "Install StoryOS": a name, colours that
 * match the theme, a start page and icons (a maskable one for Android's
 * shaped launchers, a plain one elsewhere).
 */
export const webAppManifest: Partial<ManifestOptions> = {
  name: 'StoryOS',
  short_name: 'StoryOS',
  description: 'Play, write, create and chat with AI stories — and read your illustrated stories offline.',
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#5b4bdb',
  background_color: '#f6f5fb',
  categories: ['books', 'education', 'entertainment'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
  shortcuts: [
    { name: 'Tell me a story', url: '/create', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
    { name: 'My illustrated stories', url: '/create/library', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
  ],
};
