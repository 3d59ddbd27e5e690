import { launch } from './webkit'
import { promiseSuite } from './promise'

promiseSuite('webkit', launch)
