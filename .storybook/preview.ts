import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { createHandlers } from '../mock/handlers.js';
import customElements from '../custom-elements.json';

setCustomElementsManifest(customElements);

const preview: Preview = {
  // Every element gets a docs page: its manifest (attributes, properties, events, parts, custom
  // properties) as tables and controls, and its stories live.
  tags: ['autodocs'],
  loaders: [mswLoader()],
  // Every story gets the whole mocked contract; a story's own beforeEach adds handlers that win.
  beforeEach({ msw }) {
    msw.use(...createHandlers({ baseUrl: '/api' }));
  },
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
