"""Drafting: proposals for what a source says and the dossier does not yet hold, each marked
`draft: true` with the passage it came from, for an editor to review."""
