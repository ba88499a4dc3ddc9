/** Commands only the extension handles (the ones the language server also names are in its protocol module). */
export const EXTENSION_COMMANDS = {
  probeServers: 'kubeDnsTools.probeServers',
  rerunProbe: 'kubeDnsTools.rerunProbe',
  copyAsDig: 'kubeDnsTools.copyAsDig',
  showProbeResults: 'kubeDnsTools.showProbeResults',
  showCache: 'kubeDnsTools.showCache',
  flushCache: 'kubeDnsTools.flushCache',
  refreshCache: 'kubeDnsTools.refreshCache',
  replayIncident: 'kubeDnsTools.replayIncident',
} as const;
