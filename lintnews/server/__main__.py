import sys

from lintnews.server import main

sys.exit(main())
