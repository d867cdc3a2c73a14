/** Debian's Chromium; the tests never download a browser of their own. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_MISSING = `The browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (as root).`;
