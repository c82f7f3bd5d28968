import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  // Guides first (MDX), then a page per element from custom-elements.json with its stories.
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The MSW worker lives in public/.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal(config) {
    // One Lit for the whole preview: without these, Vite's optimiser and our sources each load a copy.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js'],
    };
    return config;
  },
};

export default config;
