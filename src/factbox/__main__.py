from factbox.cli import main

main()
