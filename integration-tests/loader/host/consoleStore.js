// The host's redux store, shaped like the console's where the SDK reads it (SDK lib/app/redux-types.d.ts:
// `sdkCore.impersonate = { kind, name, subprotocols, groups? }`). The SDK stub's consoleFetch reads the
// impersonation from here, as the console's coFetch does; the plugin's watches read it through react-redux.
import { legacy_createStore as createStore } from 'redux';

const base64url = (s) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const initial = { sdkCore: {} };

const reducer = (state = initial, action) => {
  switch (action.type) {
    case 'beginImpersonate':
      // What console's beginImpersonate stores: the subprotocols its own watches pass to WebSocket.
      return {
        ...state,
        sdkCore: {
          ...state.sdkCore,
          impersonate: {
            kind: action.kind,
            name: action.name,
            subprotocols: [
              `Impersonate-${action.kind === 'Group' ? 'Group' : 'User'}.${base64url(action.name)}`,
            ],
          },
        },
      };
    case 'endImpersonate':
      return { ...state, sdkCore: { ...state.sdkCore, impersonate: undefined } };
    default:
      return state;
  }
};

export const consoleStore = createStore(reducer);
