/** Pure survey domain: satisfaction-index computation (SIPAS) and the methodologies as versioned data. */
export * from './methods';
export * from './sipas';
