// An uncaught Node error from a failed import(): the arrow points where it was created.
import('definitely-not-installed-pkg');
