"""${message}"""

revision = "${up_revision}"
down_revision = ${repr(down_revision)}
