from livedesk.app import main

raise SystemExit(main())
