using SpecGen.Cli;

return SpecGenCommand.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
