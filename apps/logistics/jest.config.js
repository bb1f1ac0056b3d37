module.exports = { displayName: 'logistics', preset: '../../jest.preset.js', rootDir: '.' };
