/** Where the e2e suite builds and serves the renderer; E2E_RENDERER_DIR lets parallel runs keep apart. */
export const E2E_RENDERER_DIR = process.env.E2E_RENDERER_DIR ?? 'dist/renderer';
