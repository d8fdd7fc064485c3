from partenariat.cli import main

raise SystemExit(main())
