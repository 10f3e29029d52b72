import sys

from circular_studio.cli import main

sys.exit(main())
