// Tailwind CSS 4 runs as a single PostCSS plugin; it needs no tailwind.config file
// (the theme lives in app/globals.css under `@theme`).
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;
