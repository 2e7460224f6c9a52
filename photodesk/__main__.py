from photodesk.cli.main import main

main()
