"""The MkDocs plugin `briefing`: the only part of the engine that knows MkDocs."""
