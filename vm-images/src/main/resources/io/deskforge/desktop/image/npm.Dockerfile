# Appended to desktop.Dockerfile for an app with npm packages (name@version): the host's npm
# installed them into npm-prefix/ of the build context (lib/node_modules and the bin links), as
# deskforge doctor --install installs them under /usr/local on a host; the image takes those files
# as they are, so the build needs no registry and runs what a sandbox desktop runs.
COPY npm-prefix/ /usr/local/
