"""The live preview (`mkdocs serve`) answers every request at once with the last good site.

MkDocs' server holds each request while a rebuild runs, and after a rebuild that failed until
one succeeds ("the server will appear stuck"). Here a build is published in one step, so the
served folder is always a whole site: requests need not wait, and browsers are told to reload
only when a rebuild was published.
"""

from __future__ import annotations

import traceback

from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

from briefing.mkdocs.publish import file_system_problem

log = get_plugin_logger(__name__)


def serve_the_last_good_site(server: LiveReloadServer) -> None:
    """Make the server's rebuilds leave requests alone, and a failed one leave the site served.

    MkDocs' server (1.6) calls `builder` for each rebuild, having set `_wanted_epoch` to the
    new version; a request waits while that differs from `_visible_epoch`, the version served.
    The two are made equal while the rebuild runs, and the new version is set again only once
    the rebuild was published.
    """
    rebuild = server.builder

    def rebuild_while_serving() -> None:
        condition = server._epoch_cond
        with condition:
            wanted = server._wanted_epoch
            server._wanted_epoch = server._visible_epoch  # requests go on with the last site
            condition.notify_all()
        try:
            rebuild()
        except MkDocsException as error:  # a failed build, its errors logged already
            _still_serving(str(error))
            return
        except OSError as error:
            _still_serving(file_system_problem(error))
            return
        except Exception:  # a bug: its traceback helps whoever reports it
            traceback.print_exc()
            _still_serving("")
            return
        with condition:
            server._wanted_epoch = wanted  # published: browsers reload

    server.builder = rebuild_while_serving


def _still_serving(message: str) -> None:
    if message:
        log.error(message)
    log.info("The rebuild failed: the last good site is still served until a change builds")
