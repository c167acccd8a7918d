/**
 * Regula's icon: a shield with an "R", drawn here as SVG (no file to fetch
 * from elsewhere). Served at /favicon.svg, which every layout links, and at
 * /favicon.ico, which browsers ask for on their own.
 */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<path d="M32 3 L57 12 V30 C57 46 46 56 32 61 C18 56 7 46 7 30 V12 Z" fill="#1F3A5F"/>
<path d="M24 18 H34 C40 18 44 21.5 44 27 C44 31 41.8 34 38.2 35.2 L45 46 H37.8 L31.8 36 H30.5 V46 H24 Z M30.5 23.5 V31 H33.6 C36.2 31 37.6 29.6 37.6 27.2 C37.6 24.9 36.2 23.5 33.6 23.5 Z" fill="#FFFFFF"/>
</svg>
`;
