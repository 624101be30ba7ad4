import sys

from desktop_app.onefile import at_start

if __name__ == "__main__":
    at_start(sys.argv[1:])  # the one-file build: hold its unpacked folder, close the splash for commands
    from desktop_app.cli import main

    sys.exit(main())
