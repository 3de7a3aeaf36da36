// Replaces stylesheets in the loader-test host build (see ../buildHost.ts).
