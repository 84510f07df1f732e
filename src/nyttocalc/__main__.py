from nyttocalc.cli import main

main()
