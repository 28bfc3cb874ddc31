# Appended to desktop.Dockerfile for an app with npm packages (name@version): installed globally
# under /usr/local, as deskforge doctor --install does on a host. npm comes with the app's nodejs
# package where that provides it, else from Debian's npm package.
ARG NPM_PACKAGES
RUN (command -v npm >/dev/null || (apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm \
      && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb)) \
    && npm install --global --prefix /usr/local --no-audit --no-fund ${NPM_PACKAGES} \
    && npm cache clean --force
