"""The staff console at /admin: one blueprint, views split by area.

Every view is behind ``require(role)``; every state-changing request carries
a CSRF token (Flask-WTF's CSRFProtect, enabled in create_app); every action
is written to the audit log.
"""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from bot.admin import (auth, faq_views, knowledge_views, lifecycle_views, log_views, service_views,  # noqa: E402,F401
                       ticket_views)
