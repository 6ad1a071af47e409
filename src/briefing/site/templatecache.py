"""Compiled Jinja templates kept between builds.

Every `mkdocs build` otherwise compiles Material's ~50 templates and ours from source, a fixed
cost larger than rendering a small dossier. Jinja's file cache reuses a compiled template only
while its source checksum is unchanged; the key here also carries the settings of the
environment that compiled it, because the same template file compiles differently under
different settings (another MkDocs-compatible tool may load Material's templates too).
"""

from __future__ import annotations

import contextlib
import logging
import os

import jinja2
import jinja2.bccache

log = logging.getLogger("mkdocs.plugins.briefing")


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    def __init__(self, environment: jinja2.Environment, directory: str | None = None):
        if directory is not None:
            os.makedirs(directory, mode=0o700, exist_ok=True)
        super().__init__(directory)  # by default a private folder in the system's temp folder
        self.settings = repr(
            (
                environment.block_start_string,
                environment.block_end_string,
                environment.variable_start_string,
                environment.variable_end_string,
                environment.comment_start_string,
                environment.comment_end_string,
                environment.line_statement_prefix,
                environment.line_comment_prefix,
                environment.trim_blocks,
                environment.lstrip_blocks,
                environment.newline_sequence,
                environment.keep_trailing_newline,
                environment.optimized,
                environment.is_async,
                environment.finalize is not None,
                sorted(environment.extensions),
                environment.autoescape if isinstance(environment.autoescape, bool) else "fn",
                environment.code_generator_class.__qualname__,
            )
        )

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{name}\0{self.settings}", filename)

    # A cache that cannot be read or written only means compiling again, never a failed build.

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def use_template_cache(
    environment: jinja2.Environment, directory: str | None = None
) -> jinja2.Environment:
    """Give an environment the shared cache; without a safe temp folder, build without one."""
    try:
        environment.bytecode_cache = _TemplateCache(environment, directory)
    except (OSError, RuntimeError) as error:
        log.debug(f"no template cache: {error}")
    return environment
