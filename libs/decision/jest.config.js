module.exports = { displayName: 'decision', preset: '../../jest.preset.js', rootDir: '.' };
